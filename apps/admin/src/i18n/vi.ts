import type { TranslationMessages } from 'react-admin';
import raVietnamese from 'ra-language-vietnamese';
import { deepMerge } from './deepMerge';
import type { MessageTree } from './MessageTree';

/**
 * What ra-language-vietnamese 3.0.1 lacks for react-admin 5 (about 70 keys), and the entries it gets
 * wrong: placeholders react-admin 5 no longer passes (`#%{id}` instead of `%{recordRepresentation}`),
 * placeholders it dropped (`%{name}`), and "vật phẩm" (merchandise) for a record.
 */
const raCompletion: MessageTree = {
  ra: {
    action: {
      bulk_actions: 'Đã chọn 1 mục |||| Đã chọn %{smart_count} mục',
      clear_array_input: 'Xóa toàn bộ danh sách',
      create_item: 'Tạo %{item}',
      remove_all_filters: 'Bỏ tất cả bộ lọc',
      remove_filter: 'Bỏ bộ lọc này',
      reset: 'Đặt lại',
      search_columns: 'Tìm cột',
      select_all: 'Chọn tất cả',
      select_all_button: 'Chọn tất cả',
      select_row: 'Chọn dòng này',
      show: 'Xem',
      unselect: 'Bỏ chọn',
      update: 'Cập nhật',
      move_up: 'Chuyển lên',
      move_down: 'Chuyển xuống',
      open: 'Mở',
      toggle_theme: 'Chuyển giao diện sáng/tối',
      select_columns: 'Cột',
      update_application: 'Tải lại ứng dụng',
    },
    // What a BooleanField shows for null: a blank, as in English (no words to translate).
    boolean: { null: ' ' },
    page: {
      edit: 'Sửa %{name} %{recordRepresentation}',
      show: 'Chi tiết %{name} %{recordRepresentation}',
      not_found: 'Không tìm thấy trang',
      access_denied: 'Không có quyền truy cập',
      authentication_error: 'Lỗi xác thực',
    },
    input: {
      references: {
        all_missing: 'Không tìm thấy dữ liệu được tham chiếu.',
        many_missing: 'Ít nhất một mục được tham chiếu không còn tồn tại.',
        single_missing: 'Mục được tham chiếu không còn tồn tại.',
      },
    },
    message: {
      about: 'Giới thiệu',
      access_denied: 'Bạn không có quyền truy cập trang này',
      authentication_error: 'Máy chủ xác thực báo lỗi nên không kiểm tra được thông tin đăng nhập của bạn.',
      auth_error: 'Đã xảy ra lỗi khi kiểm tra mã xác thực (token).',
      bulk_delete_content:
        'Bạn có chắc chắn muốn xóa %{name} này? |||| Bạn có chắc chắn muốn xóa %{smart_count} mục này?',
      bulk_delete_title: 'Xóa %{name} |||| Xóa %{smart_count} %{name}',
      bulk_update_content:
        'Bạn có chắc chắn muốn cập nhật %{name} %{recordRepresentation}? |||| Bạn có chắc chắn muốn cập nhật %{smart_count} mục này?',
      bulk_update_title: 'Cập nhật %{name} %{recordRepresentation} |||| Cập nhật %{smart_count} %{name}',
      clear_array_input: 'Bạn có chắc chắn muốn xóa toàn bộ danh sách?',
      delete_content: 'Bạn có chắc chắn muốn xóa %{name} này?',
      delete_title: 'Xóa %{name} %{recordRepresentation}',
      error: 'Đã xảy ra lỗi ở trình duyệt, không thể hoàn thành yêu cầu của bạn.',
      loading: 'Vui lòng chờ',
      not_found: 'Bạn đã nhập sai địa chỉ hoặc đã theo một liên kết không đúng.',
      select_all_limit_reached: 'Có quá nhiều mục để chọn hết. Chỉ %{max} mục đầu tiên được chọn.',
      placeholder_data_warning: 'Lỗi mạng: không làm mới được dữ liệu.',
    },
    navigation: {
      clear_filters: 'Xóa bộ lọc',
      // %{name} is the capitalised resource name ("Đơn vị"), so it opens the sentence.
      no_filtered_results: '%{name}: không có kết quả nào khớp với bộ lọc hiện tại.',
      no_results: '%{name}: không tìm thấy kết quả nào',
      page_range_info: '%{offsetBegin}-%{offsetEnd} trong tổng số %{total}',
      partial_page_range_info: '%{offsetBegin}-%{offsetEnd} trong hơn %{offsetEnd}',
      current_page: 'Trang %{page}',
      page: 'Đến trang %{page}',
      first: 'Đến trang đầu',
      last: 'Đến trang cuối',
      next: 'Đến trang sau',
      previous: 'Đến trang trước',
      page_rows_per_page: 'Số dòng mỗi trang:',
      skip_nav: 'Bỏ qua, đến nội dung chính',
    },
    sort: {
      sort_by: 'Sắp xếp theo %{field_lower_first} %{order}',
      ASC: 'tăng dần',
      DESC: 'giảm dần',
    },
    auth: {
      email: 'Địa chỉ email',
    },
    notification: {
      updated: 'Đã cập nhật |||| Đã cập nhật %{smart_count} mục',
      created: 'Đã tạo mới',
      deleted: 'Đã xóa |||| Đã xóa %{smart_count} mục',
      bad_item: 'Mục không hợp lệ',
      item_doesnt_exist: 'Mục không tồn tại',
      data_provider_error: 'Lỗi bộ cung cấp dữ liệu (dataProvider). Xem console để biết chi tiết.',
      canceled: 'Đã hủy thao tác',
      not_authorized: 'Bạn không có quyền truy cập tài nguyên này.',
      application_update_available: 'Đã có phiên bản mới.',
      offline: 'Mất kết nối mạng. Không tải được dữ liệu.',
    },
    validation: {
      required: 'Bắt buộc nhập',
      minLength: 'Tối thiểu %{min} ký tự',
      maxLength: 'Tối đa %{max} ký tự',
      email: 'Địa chỉ email không hợp lệ',
      unique: 'Giá trị này đã có, phải là duy nhất',
    },
    saved_queries: {
      label: 'Truy vấn đã lưu',
      query_name: 'Tên truy vấn',
      new_label: 'Lưu truy vấn hiện tại...',
      new_dialog_title: 'Lưu truy vấn hiện tại với tên',
      remove_label: 'Xóa truy vấn đã lưu',
      remove_label_with_name: 'Xóa truy vấn "%{name}"',
      remove_dialog_title: 'Xóa truy vấn đã lưu?',
      remove_message: 'Bạn có chắc chắn muốn xóa mục này khỏi danh sách truy vấn đã lưu?',
      help: 'Lọc danh sách rồi lưu truy vấn này để dùng lại',
    },
    guesser: {
      empty: {
        title: 'Không có dữ liệu để hiển thị',
        message: 'Vui lòng kiểm tra bộ cung cấp dữ liệu (dataProvider)',
      },
    },
    configurable: {
      customize: 'Tùy chỉnh',
      configureMode: 'Cấu hình trang này',
      inspector: {
        title: 'Trình kiểm tra',
        content: 'Di chuột lên các thành phần giao diện để cấu hình',
        reset: 'Khôi phục thiết lập',
        hideAll: 'Ẩn tất cả',
        showAll: 'Hiện tất cả',
      },
      Datagrid: {
        title: 'Bảng dữ liệu',
        unlabeled: 'Cột chưa đặt tên #%{column}',
      },
      SimpleForm: {
        title: 'Biểu mẫu',
        unlabeled: 'Ô nhập chưa đặt tên #%{input}',
      },
      SimpleList: {
        title: 'Danh sách',
        primaryText: 'Dòng chính',
        secondaryText: 'Dòng phụ',
        tertiaryText: 'Dòng thứ ba',
      },
    },
  },
};

/** The app's own messages: resource and field names, titles, errors. */
const appMessages: MessageTree = {
  resources: {
    units: {
      name: 'Đơn vị |||| Đơn vị',
      // Used mid-sentence ("Bạn có chắc chắn muốn xóa đơn vị này?").
      forcedCaseName: 'đơn vị |||| đơn vị',
      fields: {
        id: 'Mã định danh',
        code: 'Mã đơn vị',
        name: 'Tên đơn vị',
        shortName: 'Tên viết tắt',
        kind: 'Loại đơn vị',
        level: 'Cấp',
        status: 'Trạng thái',
        parentId: 'Đơn vị cấp trên',
        ancestors: 'Vị trí trong hệ thống',
        adminAreaCode: 'Mã đơn vị hành chính',
        leaders: 'Lãnh đạo',
        validFrom: 'Hiệu lực từ ngày',
        validTo: 'Hiệu lực đến ngày',
        successorIds: 'Đơn vị kế thừa',
        children: 'Đơn vị trực thuộc',
        version: 'Phiên bản',
        createdAt: 'Ngày tạo',
        updatedAt: 'Cập nhật lần cuối',
        q: 'Tìm kiếm',
        withinUnitId: 'Thuộc cây của đơn vị',
        validOn: 'Còn hiệu lực vào ngày',
      },
      // `fields.leaders` is the list's label, so the properties of one leader live here.
      leaderFields: {
        name: 'Họ và tên',
        title: 'Chức vụ',
        phone: 'Số điện thoại',
        email: 'Địa chỉ email',
      },
      page: {
        list: 'Danh sách đơn vị',
        create: 'Thêm đơn vị',
        edit: 'Sửa đơn vị: %{recordRepresentation}',
        show: 'Đơn vị: %{recordRepresentation}',
      },
      empty: 'Chưa có đơn vị nào.',
      invite: 'Bạn có muốn thêm đơn vị mới không?',
      notifications: {
        created: 'Đã thêm đơn vị',
        updated: 'Đã lưu đơn vị |||| Đã lưu %{smart_count} đơn vị',
        deleted: 'Đã xóa đơn vị |||| Đã xóa %{smart_count} đơn vị',
      },
      message: {
        delete_title: 'Xóa đơn vị %{recordRepresentation}',
        delete_content:
          'Bạn có chắc chắn muốn xóa đơn vị này? Đơn vị đã hợp nhất hoặc giải thể nên được giữ lại (chuyển trạng thái) để không mất lịch sử.',
      },
      noChildren: 'Không có đơn vị trực thuộc.',
      noSuccessors: 'Không có đơn vị kế thừa.',
      noLeaders: 'Chưa có thông tin lãnh đạo.',
      rootUnit: 'Đơn vị cấp cao nhất',
    },
  },
  danvan: {
    title: 'Danvan – Quản lý công tác dân vận',
    errors: {
      versionConflict:
        'Đơn vị đã được người khác sửa trong lúc bạn đang sửa. Hãy tải lại trang để xem bản mới nhất rồi sửa lại.',
      versionMissing: 'Không xác định được phiên bản của đơn vị. Hãy tải lại trang rồi sửa lại.',
      network: 'Không kết nối được máy chủ. Hãy kiểm tra kết nối mạng rồi thử lại.',
      invalidResponse: 'Máy chủ trả về dữ liệu không hợp lệ.',
      notFound: 'Không tìm thấy đơn vị.',
      unsupported: 'Thao tác này chưa được hỗ trợ.',
    },
    validation: {
      tooManyLeaders: 'Tối đa %{max} người',
      tooManySuccessors: 'Tối đa %{max} đơn vị',
      dateFormat: 'Nhập ngày theo dạng dd/mm/yyyy, ví dụ 30/06/2025',
      dateNonexistent: 'Ngày %{date} không tồn tại',
    },
    export: {
      excel: 'Xuất Excel',
      failed: 'Không xuất được tệp Excel. Hãy thử lại.',
    },
  },
};

/** Vietnamese messages: ra-language-vietnamese, completed for react-admin 5, plus the app's own. */
export const viMessages = deepMerge(raVietnamese, raCompletion, appMessages) as unknown as TranslationMessages;
