"""The migration kit: brings a legacy county site into the new design."""
