"""The board canvas: a scene of thin items that draw model objects and report user intent."""
