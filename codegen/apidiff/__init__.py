"""``python -m codegen diff``: what changed for callers between two models.

``diff`` compares the IRs of both sides, ``rules`` gives each change its verdict,
``report`` prints the result as text, Markdown or JSON.
"""
