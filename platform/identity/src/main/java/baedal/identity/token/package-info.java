/**
 * Reading bearer tokens: the issuer's claims mapped to a {@link baedal.identity.Caller}, the audience check.
 */
@NullMarked
package baedal.identity.token;

import org.jspecify.annotations.NullMarked;
