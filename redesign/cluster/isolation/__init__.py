"""Cross-site isolation in the admin: what an editor of one county may see of the cluster.

redesign/core/scope.py says which sites, pages, people and workflows a user works on and
confines listing filter choices to them (every app confines its views with it). pages.py
confines the page views and page bulk actions and imports the rest: choosers.py (the page
chooser), reports.py (the reports and the forms index), workflows.py (the task chooser),
groups.py (the group form refuses page permissions outside every site); replace.py serves
Wagtail's own admin URLs with the confined views. media.py
confines images and documents (admin API, chosen ids, documents served per host). A cluster
administrator (superuser) still sees everything. The modules register their Wagtail hooks when
imported by redesign/cluster/wagtail_hooks.py.
"""
