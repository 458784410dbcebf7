"""The content guarantee: workflow roles, quotas, column freshness, originality, the ledger."""
