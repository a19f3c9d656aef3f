import { MigrationInterface, QueryRunner } from 'typeorm';

/** Insider-browsing alerts (src/hotline/browsing-alert.entity.ts). */
export class HotlineAlerts1796700000000 implements MigrationInterface {
  name = 'HotlineAlerts1796700000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE `hotline_alerts` (' +
        '`id` int unsigned NOT NULL AUTO_INCREMENT, ' +
        '`staffId` int unsigned NOT NULL, ' +
        '`openFor` int unsigned NULL, ' +
        '`rule` varchar(30) NOT NULL, ' +
        '`findings` json NOT NULL, ' +
        '`suspends` tinyint NOT NULL, ' +
        '`raisedAt` datetime(3) NOT NULL, ' +
        '`resolvedAt` datetime(3) NULL, ' +
        '`resolvedBy` int unsigned NULL, ' +
        '`resolution` varchar(1000) NULL, ' +
        'UNIQUE INDEX `uq_hotline_alert_open` (`openFor`), ' +
        'INDEX `ix_hotline_alert_staff` (`staffId`, `raisedAt`), ' +
        'PRIMARY KEY (`id`)) ENGINE=InnoDB',
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE `hotline_alerts`');
  }
}
