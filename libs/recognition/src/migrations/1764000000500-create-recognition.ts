import type { MigrationInterface, QueryRunner } from 'typeorm';

const LEGAL_BASIS = 'Luật Thi đua, khen thưởng số 06/2022/QH15; Nghị định số 98/2023/NĐ-CP';

/**
 * The standard catalogue at the time of writing (Law on Emulation and
 * Commendation 06/2022/QH15, in force 1/1/2024, and Decree 98/2023/NĐ-CP):
 * emulation titles for collectives and individuals, and the forms of
 * commendation a Ban Dân vận proposes or gives. Administrators change it as
 * decrees change; rows are never deleted once used (set inactive instead).
 * [code, name, kind, recipients, ranked]
 */
const STANDARD_TITLES: Array<[string, string, 'TITLE' | 'FORM', 'COLLECTIVE' | 'INDIVIDUAL' | 'BOTH', boolean]> = [
  ['CO_THI_DUA_CHINH_PHU', 'Cờ thi đua của Chính phủ', 'TITLE', 'COLLECTIVE', true],
  ['CO_THI_DUA_BO_TINH', 'Cờ thi đua cấp bộ, cấp ban, cấp ngành, cấp tỉnh', 'TITLE', 'COLLECTIVE', true],
  ['TAP_THE_LAO_DONG_XUAT_SAC', 'Tập thể lao động xuất sắc', 'TITLE', 'COLLECTIVE', false],
  ['DON_VI_QUYET_THANG', 'Đơn vị quyết thắng', 'TITLE', 'COLLECTIVE', false],
  ['TAP_THE_LAO_DONG_TIEN_TIEN', 'Tập thể lao động tiên tiến', 'TITLE', 'COLLECTIVE', false],
  ['DON_VI_TIEN_TIEN', 'Đơn vị tiên tiến', 'TITLE', 'COLLECTIVE', false],
  ['CHIEN_SI_THI_DUA_TOAN_QUOC', 'Chiến sĩ thi đua toàn quốc', 'TITLE', 'INDIVIDUAL', false],
  ['CHIEN_SI_THI_DUA_BO_TINH', 'Chiến sĩ thi đua cấp bộ, cấp ban, cấp ngành, cấp tỉnh', 'TITLE', 'INDIVIDUAL', false],
  ['CHIEN_SI_THI_DUA_CO_SO', 'Chiến sĩ thi đua cơ sở', 'TITLE', 'INDIVIDUAL', false],
  ['LAO_DONG_TIEN_TIEN', 'Lao động tiên tiến', 'TITLE', 'INDIVIDUAL', false],
  ['CHIEN_SI_TIEN_TIEN', 'Chiến sĩ tiên tiến', 'TITLE', 'INDIVIDUAL', false],
  ['BANG_KHEN_THU_TUONG', 'Bằng khen của Thủ tướng Chính phủ', 'FORM', 'BOTH', false],
  ['BANG_KHEN_BO_TINH', 'Bằng khen cấp bộ, cấp ban, cấp ngành, cấp tỉnh', 'FORM', 'BOTH', false],
  ['GIAY_KHEN', 'Giấy khen', 'FORM', 'BOTH', false],
  ['KY_NIEM_CHUONG_DAN_VAN', 'Kỷ niệm chương "Vì sự nghiệp Dân vận"', 'FORM', 'INDIVIDUAL', false],
];

/**
 * Recognition: the award catalogue (titles and forms as data), awards with
 * their revocation, and the register of "Dân vận khéo" model practices with
 * the history of their recognition.
 */
export class CreateRecognition1764000000500 implements MigrationInterface {
  name = 'CreateRecognition1764000000500';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE award_title (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        code varchar(40) NOT NULL,
        name varchar(255) NOT NULL,
        kind varchar(8) NOT NULL CHECK (kind IN ('TITLE','FORM')),
        recipients varchar(12) NOT NULL CHECK (recipients IN ('COLLECTIVE','INDIVIDUAL','BOTH')),
        ranked boolean NOT NULL DEFAULT false,
        legal_basis varchar(500),
        active boolean NOT NULL DEFAULT true,
        position int NOT NULL DEFAULT 0,
        version int NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT award_title_code_key UNIQUE (code),
        CONSTRAINT award_title_name_key UNIQUE (name)
      )`);
    for (const [index, [code, name, kind, recipients, ranked]] of STANDARD_TITLES.entries()) {
      await db.query(
        `INSERT INTO award_title (code, name, kind, recipients, ranked, legal_basis, position) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
        [code, name, kind, recipients, ranked, LEGAL_BASIS, (index + 1) * 10],
      );
    }

    await db.query(`
      CREATE TABLE model_practice (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name varchar(500) NOT NULL,
        owner_unit_id uuid NOT NULL REFERENCES unit(id) ON DELETE RESTRICT,
        holder_kind varchar(12) NOT NULL CHECK (holder_kind IN ('COLLECTIVE','INDIVIDUAL')),
        person_name varchar(255),
        field varchar(20) NOT NULL CHECK (field IN ('ECONOMY','CULTURE_SOCIETY','DEFENCE_SECURITY','POLITICAL_SYSTEM')),
        level varchar(10) NOT NULL CHECK (level IN ('CENTRAL','PROVINCE','DISTRICT','COMMUNE')),
        first_year int NOT NULL CHECK (first_year BETWEEN 1945 AND 2100),
        last_year int CHECK (last_year BETWEEN 1945 AND 2100),
        recognition varchar(12) NOT NULL DEFAULT 'REGISTERED' CHECK (recognition IN ('REGISTERED','TYPICAL','EXCELLENT')),
        recognised_on date,
        recognition_document_id uuid REFERENCES document(id) ON DELETE RESTRICT,
        description text,
        results jsonb NOT NULL DEFAULT '[]'::jsonb,
        evidence jsonb NOT NULL DEFAULT '[]'::jsonb,
        version int NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT model_practice_years CHECK (last_year IS NULL OR last_year >= first_year),
        CONSTRAINT model_practice_person CHECK ((holder_kind = 'INDIVIDUAL') = (person_name IS NOT NULL))
      )`);
    await db.query(`CREATE INDEX model_practice_owner_idx ON model_practice (owner_unit_id)`);
    await db.query(`CREATE INDEX model_practice_years_idx ON model_practice (first_year, last_year)`);
    await db.query(`CREATE INDEX model_practice_document_idx ON model_practice (recognition_document_id)`);
    await db.query(
      `CREATE INDEX model_practice_search_trgm_idx ON model_practice USING gin (danvan_normalize(name || ' ' || coalesce(person_name, '')) gin_trgm_ops)`,
    );

    // Every change of recognition, with its date and (optionally) the deciding document: counts "as of a year" read it.
    await db.query(`
      CREATE TABLE model_recognition (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        seq bigint GENERATED ALWAYS AS IDENTITY,
        model_id uuid NOT NULL REFERENCES model_practice(id) ON DELETE CASCADE,
        from_recognition varchar(12) NOT NULL CHECK (from_recognition IN ('REGISTERED','TYPICAL','EXCELLENT')),
        to_recognition varchar(12) NOT NULL CHECK (to_recognition IN ('REGISTERED','TYPICAL','EXCELLENT')),
        recognised_on date NOT NULL,
        document_id uuid REFERENCES document(id) ON DELETE RESTRICT,
        note varchar(2000),
        recorded_by varchar(255) NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT model_recognition_changes CHECK (from_recognition <> to_recognition)
      )`);
    await db.query(`CREATE INDEX model_recognition_model_idx ON model_recognition (model_id, recognised_on, seq)`);
    await db.query(`CREATE INDEX model_recognition_document_idx ON model_recognition (document_id)`);

    await db.query(`
      CREATE TABLE award (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        title_id uuid NOT NULL REFERENCES award_title(id) ON DELETE RESTRICT,
        recipient_kind varchar(12) NOT NULL CHECK (recipient_kind IN ('COLLECTIVE','INDIVIDUAL')),
        recipient_unit_id uuid NOT NULL REFERENCES unit(id) ON DELETE RESTRICT,
        person_name varchar(255),
        person_position varchar(255),
        rank varchar(8) CHECK (rank IN ('FIRST','SECOND','THIRD')),
        decision_document_id uuid REFERENCES document(id) ON DELETE RESTRICT,
        issuer_unit_id uuid NOT NULL REFERENCES unit(id) ON DELETE RESTRICT,
        decided_on date NOT NULL,
        year int NOT NULL CHECK (year BETWEEN 1945 AND 2100),
        pledge_id uuid REFERENCES pledge(id) ON DELETE RESTRICT,
        model_id uuid REFERENCES model_practice(id) ON DELETE RESTRICT,
        citation varchar(2000),
        revoked_at timestamptz,
        revoked_by varchar(255),
        revocation_reason varchar(2000),
        version int NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT award_person CHECK ((recipient_kind = 'INDIVIDUAL') = (person_name IS NOT NULL)),
        CONSTRAINT award_revocation CHECK (
          (revoked_at IS NULL AND revoked_by IS NULL AND revocation_reason IS NULL)
          OR (revoked_at IS NOT NULL AND revoked_by IS NOT NULL AND revocation_reason IS NOT NULL))
      )`);
    // One unit gets one title once per pledge (a revoked award does not count).
    await db.query(`
      CREATE UNIQUE INDEX award_pledge_recipient_key ON award (pledge_id, title_id, recipient_unit_id)
      WHERE pledge_id IS NOT NULL AND recipient_kind = 'COLLECTIVE' AND revoked_at IS NULL`);
    await db.query(`CREATE INDEX award_recipient_idx ON award (recipient_unit_id, year)`);
    await db.query(`CREATE INDEX award_issuer_idx ON award (issuer_unit_id)`);
    await db.query(`CREATE INDEX award_title_idx ON award (title_id)`);
    await db.query(`CREATE INDEX award_year_idx ON award (year, decided_on)`);
    await db.query(`CREATE INDEX award_pledge_idx ON award (pledge_id)`);
    await db.query(`CREATE INDEX award_model_idx ON award (model_id)`);
    await db.query(`CREATE INDEX award_document_idx ON award (decision_document_id)`);
    await db.query(
      `CREATE INDEX award_search_trgm_idx ON award USING gin (danvan_normalize(coalesce(person_name, '') || ' ' || coalesce(citation, '')) gin_trgm_ops)`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    for (const table of ['award', 'model_recognition', 'model_practice', 'award_title']) {
      await db.query(`DROP TABLE ${table}`);
    }
  }
}
