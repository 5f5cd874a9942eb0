"""The generated package's runtime, kept as real, tested Python.

Every ``.py`` file here except this one is copied verbatim into the root of each
generated package, with the generated-file header on top (``runtime_files`` in
``codegen.generate.render.package``). The modules import each other relatively;
``_runtime`` uses the standard library only, and a module that imports botocore
(``_errors``) is imported only by generated modules that need botocore anyway
(``errors.py``).
"""
