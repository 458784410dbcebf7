"""Cross-site isolation in the admin: what an editor of one county may see of the cluster.

pages.py confines page choosers, reports and workflow views; media.py confines images and
documents (admin API, chosen ids, documents served per host). A cluster administrator
(superuser) still sees everything. The modules register their Wagtail hooks when imported by
redesign/cluster/wagtail_hooks.py.
"""
