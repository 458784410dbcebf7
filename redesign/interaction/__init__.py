"""Public interaction (互动交流): citizens ask, the site's departments answer in public, on time."""
