"""The handling side of the message board in the Wagtail admin, confined to the user's sites."""
