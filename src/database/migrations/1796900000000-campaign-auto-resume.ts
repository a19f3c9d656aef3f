import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A campaign that paused itself on a run of temporary SMTP refusals resumes by itself, and the
 * letters refused during that run get another try when it resumes (src/campaigns/send-policy.ts).
 */
export class CampaignAutoResume1796900000000 implements MigrationInterface {
  name = 'CampaignAutoResume1796900000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE `campaigns` ADD `resumeAt` datetime(3) NULL, ADD `autoPauses` smallint unsigned NOT NULL DEFAULT 0, ADD `refusedSince` datetime(3) NULL');
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE `campaigns` DROP `resumeAt`, DROP `autoPauses`, DROP `refusedSince`');
  }
}
