"""投稿: informants submit news from a phone on their site's own host, into the review workflow.

forms.py checks what is sent (text, photos, attachments, origin, column) before anything is
stored; service.py finds the columns a user may file in, creates the draft with its images and
documents and starts the site's workflow, and tells each submission's state; views.py and
urls.py serve /tougao/ (the user's submissions and the form) with its own login page.
"""
