"""The public side of the message board: the list, a question, the form, the status lookup."""
