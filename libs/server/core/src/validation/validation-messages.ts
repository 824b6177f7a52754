/**
 * Vietnamese wording of class-validator constraints. A decorator that needs
 * numbers in its message (length, range) states its own `message`; this map is the
 * fallback for the rest, so no field error reaches a user in English.
 */
export const VALIDATION_MESSAGES_VI: Record<string, string> = {
  isDefined: 'Trường này là bắt buộc.',
  isNotEmpty: 'Trường này không được để trống.',
  isString: 'Phải là một chuỗi ký tự.',
  isInt: 'Phải là một số nguyên.',
  isNumber: 'Phải là một số.',
  isBoolean: 'Phải là true hoặc false.',
  isArray: 'Phải là một danh sách.',
  isObject: 'Phải là một đối tượng.',
  isUuid: 'Phải là mã định danh UUID hợp lệ.',
  isIn: 'Giá trị không nằm trong danh sách cho phép.',
  isEnum: 'Giá trị không nằm trong danh sách cho phép.',
  isEmail: 'Địa chỉ email không hợp lệ.',
  isLocalDate: 'Phải là ngày hợp lệ theo dạng yyyy-MM-dd.',
  isDateOrDateTime: 'Phải là ngày (yyyy-MM-dd) hoặc thời điểm có múi giờ (ví dụ 2024-03-01T08:30:00+07:00) có thật trên lịch.',
  matches: 'Sai định dạng.',
  min: 'Giá trị quá nhỏ.',
  max: 'Giá trị quá lớn.',
  minLength: 'Quá ngắn.',
  maxLength: 'Quá dài.',
  arrayMaxSize: 'Danh sách có quá nhiều phần tử.',
  arrayUnique: 'Danh sách có phần tử trùng nhau.',
  nestedValidation: 'Dữ liệu lồng bên trong không hợp lệ.',
  whitelistValidation: 'Trường này không được phép gửi lên.',
  unknownValue: 'Dữ liệu không được nhận dạng.',
};
