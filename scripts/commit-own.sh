#!/usr/bin/env bash
# Commits only the given paths, as they are in the working tree, on top of the current HEAD, through a
# private index: another person's staged or unfinished files stay out, and a commit that landed a moment
# ago is not undone (the index is read from HEAD here, right before the commit, never earlier).
# Usage: scripts/commit-own.sh "message" path...   (deleted paths are committed as deletions)
set -euo pipefail
message=$1; shift
index=$(mktemp /tmp/guanxi-index.XXXXXX)
trap 'rm -f "$index"' EXIT
export GIT_INDEX_FILE=$index
git read-tree HEAD
git add -A -- "$@"
git commit -q -m "$message"
unset GIT_INDEX_FILE
# The shared index agrees with the new HEAD for these paths again.
git reset -q -- "$@"
git log --oneline -1
