#!/usr/bin/env bash
# Git pre-commit hook: refuses a commit whose schema folder would break consumers (compared with HEAD, no
# registry needed) or whose examples no longer match. Install from the repository root with
#
#   ln -s ../../scripts/pre-commit-hook.sh .git/hooks/pre-commit
#
# SCHEMA_REGISTRY names the binary (default: `schema-registry` on PATH); SCHEMAS_FOLDER the folder (default:
# `schemas`). `git commit --no-verify` skips the hook. The check reads the work tree, so keep unstaged schema
# edits out of the way (e.g. `git stash --keep-index`) when committing part of a change.
set -euo pipefail

BIN="${SCHEMA_REGISTRY:-schema-registry}"
FOLDER="${SCHEMAS_FOLDER:-schemas}"

# Nothing to do when the commit does not touch the folder.
if git diff --cached --quiet -- "$FOLDER"; then
  exit 0
fi

status=0
if git rev-parse --verify --quiet HEAD >/dev/null; then
  "$BIN" check "$FOLDER" --against-git HEAD --quiet || status=$?
else
  # First commit: nothing to compare with; parse, references and examples only.
  "$BIN" check "$FOLDER" --quiet || status=$?
fi

case "$status" in
  0) ;;
  1) echo "pre-commit: the schema change above would break consumers or its examples (bypass: git commit --no-verify)" >&2 ;;
  *) echo "pre-commit: schema-registry check could not run (exit $status)" >&2 ;;
esac
exit "$status"
