-- scripts/bench: the fleet rows the mission rows need, which the development seed lacks: a vehicle (Id 9001)
-- in an assignable state, and the seed's admin (Perfil 5) as a driver too. The mission itself is made through
-- the API (POST /solicitud, /aprobar, POST /mision), so its state comes from the procedures.
INSERT INTO ClaseVehiculo (Id, Codigo, Nombre) VALUES (9001, 'BENCH', 'Bench');
INSERT INTO EstadoVehiculo (Id, Codigo, Nombre, PermiteAsignacion) VALUES (9001, 'BENCH', 'Bench', 1);
INSERT INTO TipoLicencia (Id, Codigo, Nombre) VALUES (9001, 'BENCH', 'Bench');
INSERT INTO Vehiculo (Id, Placa, IdClaseVehiculo, IdEstadoVehiculo, KilometrajeActual) VALUES (9001, 'BENCH9001', 9001, 9001, 1000);
INSERT INTO DetallePerfilMotorista (IdPerfil, IdDepartamentoAsignado, IdTipoLicencia, NumeroLicencia) VALUES (5, 2, 9001, 'BENCH-5');
