"""Settings split into base, dev, production and test."""
