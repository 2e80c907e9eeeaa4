/**
 * The shape in which every bounded context declares its published language and its behaviour — the events it
 * publishes, the commands it accepts, the policies that react to events, the read models it keeps — so that
 * the event catalogue and the event-storming board read every context from one place.
 *
 * <p>A module contributes a {@link baedal.kernel.catalogue.ContextCatalogue} through
 * {@code META-INF/services/baedal.kernel.catalogue.ContextCatalogue}; {@link baedal.kernel.catalogue.Catalogues}
 * loads every contribution on the class path and merges them by context.
 */
package baedal.kernel.catalogue;
