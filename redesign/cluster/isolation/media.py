"""Images and documents in the admin and on the public site, confined to their own site."""
