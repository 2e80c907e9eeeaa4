package baedal.bench;

import baedal.bench.Results.Latency;
import baedal.bench.Results.OrderViewResult;
import baedal.bench.Results.Run;
import java.util.Locale;

/** Renders the "Order read model (issue 4)" section of {@code docs/benchmarks.md}. Pure string work, no I/O. */
final class OrderViewReport {

    private OrderViewReport() {
    }

    static String section(OrderViewResult result) {
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
        row(md, "placement at " + Report.fmt(placement.targetRate()) + "/s (`POST /api/orders`)", placement.latency(),
                Report.fmt(placement.ordersPerSecond()) + " orders/s, errors " + Report.errors(placement.errors()));
        Run pages = result.pages();
        row(md, "member history page, " + OrderViewBenchmark.PAGE_SIZE + " items, at " + Report.fmt(pages.targetRate())
                + "/s, at the client", pages.latency(), String.format(Locale.ROOT, "%,d", result.documents())
                + " documents, errors " + Report.errors(pages.errors()));
        row(md, "member history page, server time (`Server-Timing: app`)", result.pageServer(),
                "request in → response body starts");
        md.append("\n![order read model](").append(result.chart()).append(")\n\n");
        md.append("### Setup\n\n");
        md.append("- One platform on the embedded default with the projector on (consumer group ")
                .append("`order-view-projector`, its own database on the same PostgreSQL server); orders placed in an ")
                .append("open model at ").append(Report.fmt(result.config().rate())).append(" orders/s, ")
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
                .append(OrderViewBenchmark.ORDERS_PER_SEEDED_MEMBER).append(" orders each), `VACUUM ANALYZE`, then ")
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
                .append(Report.ms(latency.p50())).append(" | ").append(Report.ms(latency.p90())).append(" | ")
                .append(Report.ms(latency.p99())).append(" | ").append(Report.ms(latency.p999())).append(" | ")
                .append(Report.ms(latency.max())).append(" | ").append(notes).append(" |\n");
    }
}
