#!/bin/sh
# An API program that prints every event jexabgp sends it (one JSON object per line).
# Its standard error goes to the daemon's log, so the events appear in the daemon's output.
while IFS= read -r line; do
	printf 'received: %s\n' "$line" >&2
done
