"""From botocore to the IR: load a service model, resolve its quirks, freeze it.

``loader`` reads a model through botocore (``releases`` reads one out of any
botocore release's wheel), ``build`` walks the closure of the selected operations
into the frozen ``ir``; ``naming``, ``html_text`` and ``ecma_regex`` are the
rules it applies to names, documentation and patterns.
"""
