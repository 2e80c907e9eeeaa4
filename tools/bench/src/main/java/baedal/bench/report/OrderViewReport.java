package baedal.bench.report;

import baedal.bench.measure.Figures;
import baedal.bench.measure.Latency;
import baedal.bench.measure.Run;
import baedal.bench.report.Results.OrderViewConfig;
import baedal.bench.report.Results.OrderViewResult;
import java.util.Locale;

/** Renders the "Order read model (issue 4)" section of {@code docs/benchmarks.md}. Pure string work, no I/O. */
public final class OrderViewReport {

    private OrderViewReport() {
    }

    public static String section(OrderViewResult result) {
        StringBuilder md = new StringBuilder();
        md.append("## ").append(result.title()).append("\n\n");
        md.append("How soon a placed order is visible in order history (주문내역), and how fast a member's history page ")
                .append("answers with a large read model. Measured ").append(result.machine().date())
                .append(" at commit `").append(result.machine().gitCommit()).append("`.\n\n");
        md.append("Reproduce (from the repository root):\n\n```sh\n").append(result.config().command()).append("\n```\n\n");
        md.append(Report.targetsTable(result.targets()));
        md.append("\n### Results\n\n");
        md.append("| measurement | samples | p50 ms | p90 ms | p99 ms | p99.9 ms | max ms | notes |\n");
        md.append("|---|---:|---:|---:|---:|---:|---:|---|\n");
        row(md, "commit → projected (every order)", result.commitToProjected(),
                result.notProjected() + " of " + result.placed() + " not projected");
        row(md, "201 → visible through `GET /api/order-views/{no}?minVersion=1` (sample)", result.ackToVisible(),
                result.apiStale() + " stale, " + result.apiFailed() + " failed");
        Run placement = result.placement();
        row(md, "placement at " + Figures.fmt(placement.targetRate()) + "/s (`POST /api/orders`)", placement.latency(),
                Figures.fmt(placement.ordersPerSecond()) + " orders/s, errors " + Figures.errors(placement.errors()));
        Run pages = result.pages();
        row(md, "member history page, " + OrderViewConfig.PAGE_SIZE + " items, at " + Figures.fmt(pages.targetRate())
                + "/s, at the client", pages.latency(), String.format(Locale.ROOT, "%,d", result.documents())
                + " documents, errors " + Figures.errors(pages.errors()));
        row(md, "member history page, server time (`Server-Timing: app`)", result.pageServer(),
                "request in → response body starts");
        md.append("\n![order read model](").append(result.chart()).append(")\n\n");
        md.append("### Setup\n\n");
        md.append("- One platform on the embedded default with the projector on (consumer group ")
                .append("`order-view-projector`, its own database on the same PostgreSQL server); orders placed in an ")
                .append("open model at ").append(Figures.fmt(result.config().rate())).append(" orders/s, ")
                .append(result.config().warmupSeconds()).append(" s warm-up then ")
                .append(result.config().durationSeconds()).append(" s measured.\n");
        md.append("- Commit → projected: for every order whose `OrderPlaced` outbox row was written in the measured ")
                .append("window, the read model's `projected_at` of that event minus the row's `written_at` (its ")
                .append("insert inside the placing transaction, so slightly before the commit): relay, Kafka, ")
                .append("projector and the store's commit. HdrHistogram, µs.\n");
        md.append("- Through the API: every ").append(result.config().apiSampleEvery()).append("th order, right after ")
                .append("its 201, a `GET /api/order-views/{no}?minVersion=1` (which waits up to 2 s for version 1); ")
                .append("from the 201's arrival to the document's arrival. A stale answer counts against the target.\n");
        md.append("- History pages: the read model seeded to ").append(String.format(Locale.ROOT, "%,d",
                        result.documents()))
                .append(" documents (copies of a projected document for members with ")
                .append(OrderViewConfig.ORDERS_PER_SEEDED_MEMBER).append(" orders each), `VACUUM ANALYZE`, then ")
                .append("first pages and next pages (by `nextCursor`) for random members in an open model. Two ")
                .append("figures: at the client, from the intended send time on the same machine (so it includes the ")
                .append("client's own queueing on the shared cores), and the server time each response reports in its ")
                .append("`Server-Timing: app;dur=` header (from the request entering the application to its body ")
                .append("starting), which is what the target is about.\n");
        md.append("- Machine: ").append(result.machine().cores()).append(" cores, JDK ").append(result.machine().jdk())
                .append(", ").append(result.machine().os()).append(", ").append(result.machine().postgres())
                .append(", Kafka client ").append(result.machine().kafka()).append(", JVM options `")
                .append(result.machine().jvmArguments()).append("`.\n");
        for (String note : result.notes()) {
            md.append("- ").append(note).append('\n');
        }
        return md.toString();
    }

    private static void row(StringBuilder md, String name, Latency latency, String notes) {
        md.append("| ").append(name).append(" | ").append(latency.samples()).append(" | ")
                .append(Figures.ms(latency.p50())).append(" | ").append(Figures.ms(latency.p90())).append(" | ")
                .append(Figures.ms(latency.p99())).append(" | ").append(Figures.ms(latency.p999())).append(" | ")
                .append(Figures.ms(latency.max())).append(" | ").append(notes).append(" |\n");
    }
}
