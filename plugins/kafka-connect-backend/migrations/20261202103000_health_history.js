// @ts-check

/**
 * Health history of connectors: every transition the backend saw, and each
 * connector's latest health (what replicas compare against, so that a change
 * seen by two replicas is written once).
 *
 * @param {import('knex').Knex} knex
 */
exports.up = async function up(knex) {
  await knex.schema.createTable('kafka_connect_health_latest', table => {
    table.string('cluster', 253).notNullable();
    table.string('namespace', 253).notNullable();
    table.string('name', 253).notNullable();
    // Null until the first health is written (a row is claimed first).
    table.string('health', 16).nullable();
    table.string('at', 32).nullable();
    table.primary(['cluster', 'namespace', 'name']);
  });
  await knex.schema.createTable('kafka_connect_health_transitions', table => {
    table.bigIncrements('id').primary();
    table.string('cluster', 253).notNullable();
    table.string('namespace', 253).notNullable();
    table.string('name', 253).notNullable();
    table.string('from_health', 16).nullable();
    table.string('to_health', 16).notNullable();
    table.text('reason').notNullable();
    // ISO times in UTC sort as text on every database.
    table.string('at', 32).notNullable();
    table.index(
      ['cluster', 'namespace', 'name', 'at'],
      'kc_health_by_connector',
    );
    table.index(['at'], 'kc_health_by_time');
  });
};

/** @param {import('knex').Knex} knex */
exports.down = async function down(knex) {
  await knex.schema.dropTable('kafka_connect_health_transitions');
  await knex.schema.dropTable('kafka_connect_health_latest');
};
