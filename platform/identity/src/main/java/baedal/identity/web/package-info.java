/**
 * The resource server: the security filter chain built from every module's route rules (deny by default), the
 * 401 and 403 problem bodies, and the {@link baedal.identity.Caller} as a controller argument.
 */
@NullMarked
package baedal.identity.web;

import org.jspecify.annotations.NullMarked;
