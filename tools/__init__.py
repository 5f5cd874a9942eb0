"""Long-running runners the tests call: not tests themselves, and not shipped."""
