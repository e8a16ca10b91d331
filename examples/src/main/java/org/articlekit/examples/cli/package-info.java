/**
 * The {@code articlekit} command-line converter: {@code convert} and {@code info}, following the
 * command-line contract in the design notes (exit codes 0/1/2, one-line errors and warnings on
 * standard error). {@link org.articlekit.examples.cli.Main} is the entry point.
 */
package org.articlekit.examples.cli;
