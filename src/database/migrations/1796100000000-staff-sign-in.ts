import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Console sign-in for staff members: a one-time set-up link (only its hash), the password (argon2id
 * hash), the authenticator key (encrypted with APP_SECRET) and the last time-step a code was
 * accepted for, so a code works once.
 */
export class StaffSignIn1796100000000 implements MigrationInterface {
  name = 'StaffSignIn1796100000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'ALTER TABLE `staff_members` ADD `setupTokenHash` char(64) NULL, ADD `setupExpiresAt` datetime(3) NULL, ADD `passwordHash` varchar(255) NULL, ' +
        'ADD `totpSecret` varchar(255) NULL, ADD `totpLastStep` bigint NULL, ADD `signInEnabledAt` datetime(3) NULL, ' +
        'ADD UNIQUE INDEX `uq_staff_setup_token_hash` (`setupTokenHash`), ADD INDEX `ix_staff_email` (`email`)',
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'ALTER TABLE `staff_members` DROP INDEX `ix_staff_email`, DROP INDEX `uq_staff_setup_token_hash`, DROP COLUMN `signInEnabledAt`, DROP COLUMN `totpLastStep`, ' +
        'DROP COLUMN `totpSecret`, DROP COLUMN `passwordHash`, DROP COLUMN `setupExpiresAt`, DROP COLUMN `setupTokenHash`',
    );
  }
}
