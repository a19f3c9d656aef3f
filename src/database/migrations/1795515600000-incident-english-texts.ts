import { MigrationInterface, QueryRunner } from 'typeorm';

/** English versions of an incident's description and measures, so English letters are English throughout. */
export class IncidentEnglishTexts1795515600000 implements MigrationInterface {
  name = 'IncidentEnglishTexts1795515600000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE `incidents` ADD `descriptionEn` text NULL, ADD `measuresTakenEn` text NULL');
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE `incidents` DROP COLUMN `descriptionEn`, DROP COLUMN `measuresTakenEn`');
  }
}
