"""The guarantee's admin views: each module registers its own Wagtail hooks when imported."""
