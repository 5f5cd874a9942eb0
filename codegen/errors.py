"""The one exception type for a user's mistake: the CLI prints it as one line."""


class CodegenError(Exception):
    """Bad input (unknown service, corrupt model, unwritable output...).

    The message names what is wrong and where; the CLI prints it without a
    traceback and exits with status 2.
    """
