/** The operator's HTTP API of the flags. */
@NullMarked
package baedal.flags.web;

import org.jspecify.annotations.NullMarked;
