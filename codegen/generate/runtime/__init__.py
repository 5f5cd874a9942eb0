"""The generated package's runtime, kept as real, tested Python.

Every ``.py`` file here except this one is copied verbatim into the root of each
generated package, with the generated-file header on top (``runtime_files`` in
``codegen.generate.render.package``). The modules import each other relatively;
``_runtime`` uses the standard library only, and a module that imports botocore
(``_errors``, ``_pages``) is imported only by generated modules that need
botocore anyway (``errors.py``, ``client.py``).

``_runtime.py`` is over the ~400-line guideline on purpose for now: every
generated module reaches it as ``_rt``, and the ``regex`` work is moving
``Pattern`` out to ``_patterns.py`` at the same time; splitting the codecs into a
module of their own is the next step once that has landed (``import
generated.connect`` then loads each part, which ``tests/unit/test_layout.py``
lists).
"""
