/**
 * Who is calling, and what each caller may call: the public API of the identity module.
 * <p>
 * A context reads the {@link baedal.identity.Caller} (declare a {@code Caller} parameter in a controller method, or
 * call {@link baedal.identity.Callers#current()}) to check ownership, and contributes its endpoints' rules as a
 * {@link baedal.identity.RouteRules} bean. Nothing here exposes Spring Security's types.
 */
@NullMarked
package baedal.identity;

import org.jspecify.annotations.NullMarked;
