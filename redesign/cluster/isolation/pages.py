"""Pages, reports and workflows in the admin, confined to the sites the editor works on."""
