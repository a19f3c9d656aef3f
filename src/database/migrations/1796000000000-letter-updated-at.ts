import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * When anything about a letter last changed, kept by MySQL itself: the tripwire tells a campaign
 * that is merely slow (rate limit) from one where nothing has moved for longer than a lease.
 */
export class LetterUpdatedAt1796000000000 implements MigrationInterface {
  name = 'LetterUpdatedAt1796000000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'ALTER TABLE `letters` ADD `updatedAt` datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3), ADD INDEX `ix_letter_campaign_updated` (`campaignId`, `updatedAt`)',
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE `letters` DROP INDEX `ix_letter_campaign_updated`, DROP COLUMN `updatedAt`');
  }
}
