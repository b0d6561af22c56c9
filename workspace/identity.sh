# SPDX-License-Identifier: GPL-2.0
# The submitter's identity in the series. Source it after lib.sh.
#
# Signed-off-by, the author, MODULE_AUTHOR, the MAINTAINERS M: line and the
# binding's maintainers: are the submitter's, from the git identity of this
# repository (git config user.name / user.email). The repository keeps the
# token @SUBMITTER@ where a patch names that person; patches.sh replaces it
# in every listed file and diff (fill_identity), and check.sh fails when a
# token or a placeholder identity (PLACEHOLDER) reaches out/series.

name=$(git -C "$TOP" config user.name) || die "set git config user.name"
email=$(git -C "$TOP" config user.email) || die "set git config user.email"
SUBMITTER="$name <$email>"

# Copy the files named (or stdin) to stdout with @SUBMITTER@ filled in.
# (Perl takes the replacement literally: no name can break it.)
fill_identity() {
	SUBMITTER=$SUBMITTER perl -pe 's/\@SUBMITTER\@/$ENV{SUBMITTER}/g' "$@"
}

# What must never reach out/series (extended regular expression): the
# token, left unfilled.
PLACEHOLDER='@SUBMITTER@'
# An identity of a reserved example domain (RFC 2606), such as the one of
# a CI machine that has none of its own: it fills the series consistently,
# but is not one to send. check.sh says so; it does not fail for it, or no
# machine without a person's identity could run the gates.
EXAMPLE_IDENTITY='\.(example|invalid|test)>?$'
