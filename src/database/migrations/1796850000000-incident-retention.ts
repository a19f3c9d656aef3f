import { MigrationInterface, QueryRunner } from 'typeorm';

/** Closing and purging incidents (src/retention, README "Retention and purge"). */
export class IncidentRetention1796850000000 implements MigrationInterface {
  name = 'IncidentRetention1796850000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'ALTER TABLE `incidents` ' +
        "ADD `status` varchar(10) NOT NULL DEFAULT 'open', " +
        'ADD `closedAt` datetime(3) NULL, ' +
        'ADD `closedBy` int unsigned NULL, ' +
        'ADD `purgeAt` datetime(3) NULL, ' +
        'ADD `purgeClaimedUntil` datetime(3) NULL, ' +
        'ADD `purgedAt` datetime(3) NULL, ' +
        'ADD INDEX `ix_incident_purge` (`status`, `purgeAt`)',
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE `incidents` DROP INDEX `ix_incident_purge`, DROP `status`, DROP `closedAt`, DROP `closedBy`, DROP `purgeAt`, DROP `purgeClaimedUntil`, DROP `purgedAt`');
  }
}
