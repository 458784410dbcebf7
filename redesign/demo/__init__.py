"""The demo cluster: a portal and county sites filled with generated Chinese sample content.

Every text is produced from this package's own sentence templates and word lists, every image is
drawn with Pillow and every attachment is written by hand; nothing is copied from real sites.
An app for the dev and test settings only: product code never imports it.
"""
