import { MigrationInterface, QueryRunner } from 'typeorm';

/** Print batches for the postal letters, and the postal moments of a letter (kept beside its e-mail history). */
export class PrintBatches1796300000000 implements MigrationInterface {
  name = 'PrintBatches1796300000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(
      'CREATE TABLE `print_batches` (`id` int unsigned NOT NULL AUTO_INCREMENT, `campaignId` int unsigned NOT NULL, `status` varchar(10) NOT NULL, `letters` int unsigned NOT NULL, `createdBy` int unsigned NOT NULL, `manifestDisk` varchar(100) NULL, `manifestSha256` char(64) NULL, `readyAt` datetime(3) NULL, `postedAt` datetime(3) NULL, `createdAt` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3), INDEX `ix_print_batch_campaign` (`campaignId`), PRIMARY KEY (`id`)) ENGINE=InnoDB',
    );
    await q.query(
      'CREATE TABLE `print_files` (`id` int unsigned NOT NULL AUTO_INCREMENT, `batchId` int unsigned NOT NULL, `fileIndex` smallint unsigned NOT NULL, `name` varchar(60) NOT NULL, `state` varchar(10) NOT NULL, `letters` int unsigned NOT NULL, `pages` int unsigned NOT NULL DEFAULT 0, `sha256` char(64) NULL, `diskName` varchar(100) NULL, `attempt` smallint unsigned NOT NULL DEFAULT 0, `leaseUntil` datetime(3) NULL, UNIQUE INDEX `uq_print_file_name` (`batchId`, `name`), INDEX `ix_print_file_state` (`state`, `leaseUntil`), PRIMARY KEY (`id`)) ENGINE=InnoDB',
    );
    await q.query(
      'CREATE TABLE `print_items` (`batchId` int unsigned NOT NULL, `sequence` int unsigned NOT NULL, `letterId` bigint unsigned NOT NULL, `fileIndex` smallint unsigned NOT NULL, `firstPage` int unsigned NULL, `pages` smallint unsigned NULL, UNIQUE INDEX `uq_print_item_letter` (`letterId`), PRIMARY KEY (`batchId`, `sequence`)) ENGINE=InnoDB',
    );
    await q.query('ALTER TABLE `letters` ADD `printedAt` datetime(3) NULL, ADD `postedAt` datetime(3) NULL, ADD `returnedAt` datetime(3) NULL');
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE `letters` DROP COLUMN `printedAt`, DROP COLUMN `postedAt`, DROP COLUMN `returnedAt`');
    await q.query('DROP TABLE `print_items`');
    await q.query('DROP TABLE `print_files`');
    await q.query('DROP TABLE `print_batches`');
  }
}
