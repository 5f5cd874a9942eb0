"""From the IR to files: render with the templates, format, write or check.

``render`` turns an ``ir.Service`` into ``{path: text}``; ``writer`` puts that on
disk atomically or compares it (``--check``); ``provenance`` reads back which
model a package was made from.
"""
