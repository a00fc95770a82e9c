"""Keeps integers the generated server's Rust types cannot hold out of generated requests.

The spec types these values as `integer` with no format and no bounds; the generated code
reads them as 64-bit integers (`i64`) and answers 400 for anything larger, which
schemathesis would report as a valid request rejected. Everything else it generates is sent.
"""

import schemathesis

LOW, HIGH = -(2**63), 2**63 - 1


def fits(value):
    """Whether every integer inside `value` fits in 64 bits."""
    if isinstance(value, bool):
        return True
    if isinstance(value, int):
        return LOW <= value <= HIGH
    if isinstance(value, dict):
        return all(fits(v) for v in value.values())
    if isinstance(value, (list, tuple)):
        return all(fits(v) for v in value)
    return True


@schemathesis.hook
def filter_query(ctx, query):
    return query is None or fits(query)


@schemathesis.hook
def filter_body(ctx, body):
    return fits(body)
