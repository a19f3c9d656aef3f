import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { AffectedCustomer } from './affected-customer.entity';
import { Tier, tierFromSeverity } from './tiers';

/** Owner of `affected_customers`; other modules read customers through this service. */
@Injectable()
export class CustomersService {
  constructor(@InjectRepository(AffectedCustomer) private readonly customers: Repository<AffectedCustomer>) {}

  async countByTier(incidentId: number): Promise<Record<Tier, number>> {
    const rows = await this.customers
      .createQueryBuilder('c')
      .select('c.tierSeverity', 'severity')
      .addSelect('COUNT(*)', 'count')
      .where('c.incidentId = :incidentId', { incidentId })
      .groupBy('c.tierSeverity')
      .getRawMany<{ severity: number; count: string }>();
    const counts: Record<Tier, number> = { photographed: 0, viewed: 0, searched: 0 };
    for (const r of rows) counts[tierFromSeverity(Number(r.severity))] = Number(r.count);
    return counts;
  }

  findByNumber(incidentId: number, customerNumber: string): Promise<AffectedCustomer | null> {
    return this.customers.findOne({ where: { incidentId, customerNumber } });
  }

  /** Exact address match (normalised postcode "1234 AB", house number digits, suffix upper case or ""). */
  findByAddress(incidentId: number, postcode: string, houseNumber: string, houseNumberSuffix: string): Promise<AffectedCustomer[]> {
    return this.customers.find({ where: { incidentId, postcode, houseNumber, houseNumberSuffix }, take: 50 });
  }

  findById(id: string): Promise<AffectedCustomer | null> {
    return this.customers.findOne({ where: { id } });
  }
}
