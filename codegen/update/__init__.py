"""``python -m codegen.update``: move the project to another botocore release.

``workflow`` pins, reinstalls, regenerates and reports; ``changelog`` keeps the
generated API's section of CHANGELOG.md.
"""
