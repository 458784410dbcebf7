"""The cluster: site identity, themes, and creating county sites."""
