"""Page types of a county site: home, column, article, standard page, industry page."""
