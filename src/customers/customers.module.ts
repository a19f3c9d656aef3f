import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AffectedCustomer } from './affected-customer.entity';
import { CustomersService } from './customers.service';

@Module({
  imports: [TypeOrmModule.forFeature([AffectedCustomer])],
  providers: [CustomersService],
  exports: [CustomersService],
})
export class CustomersModule {}
