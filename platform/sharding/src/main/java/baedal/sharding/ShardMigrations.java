package baedal.sharding;

/**
 * A module's declaration that every shard gets its set of migrations: a bean of this type is applied by
 * {@link Shards} to each shard, before the sets found on the class path under {@code db/<module>/shard/}. The
 * outbox declares its own this way, because the same set also goes to databases that are not shards.
 */
public record ShardMigrations(ModuleSchema schema) {

    public ShardMigrations {
        if (schema == null) {
            throw new IllegalArgumentException("a module schema is required");
        }
    }
}
