/**
 * The embedded issuer: Spring Authorization Server on the platform's own port, its signing key kept under the data
 * folder, the demo accounts and the demo-only password grant.
 */
@NullMarked
package baedal.identity.issuer;

import org.jspecify.annotations.NullMarked;
