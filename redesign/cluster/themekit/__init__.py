"""The designers' theme kit: the catalogue of page types and blocks, samples, checks, scaffold.

Commands (starttheme, check_theme) and the style-guide view are thin layers over these modules.
"""
